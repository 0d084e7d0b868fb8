"""The exercise pipeline behind ``ccexercise build | collect | grade | feedback | report``.

Each step is a module here; the commands in :mod:`ccexercise.commands` are thin wrappers.
"""

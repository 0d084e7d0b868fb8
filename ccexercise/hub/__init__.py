"""JupyterHub for a workshop on one server: roster, users, course copies, exchange.

``ccexercise hub`` (see :mod:`ccexercise.commands.hub`) uses these pieces;
``deploy/jupyterhub/jupyterhub_config.py`` reads the settings they write.

- :mod:`.roster`: the roster CSV (who logs in, with which role and password).
- :mod:`.settings`: the settings file the hub configuration reads.
- :mod:`.provision`: system users, the shared Python, the proxy, the exchange,
  the per-role Jupyter configuration.
- :mod:`.copy_course`: the first-login copy of the course into a home folder.
- :mod:`.auth`: log in with the roster's own passwords.
- :mod:`.exchange`: nbgrader submissions only the instructor can read.
- :mod:`.room`: the live room as the hub service `room` (`ccexercise hub --room`).
"""

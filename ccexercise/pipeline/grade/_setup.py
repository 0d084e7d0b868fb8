"""What every grading process shares: the journal's working folders and per-process set-up.

:func:`_install_sqlite_hooks` makes every SQLite connection of a process
wait for other writers (busy timeout) and take its write lock up front
(``BEGIN IMMEDIATE``), so several grading processes queue on one gradebook
instead of dead-locking.
:func:`_faster_metadata_checks` makes nbgrader check its cell metadata
schema once instead of once per cell. The names of the journal folder's
own sub-folders (:data:`STAGING`, :data:`LOGS`, :data:`KERNELS`) are here
too, as every part of a grading run uses them.
"""

from __future__ import annotations

__all__ = ["BUSY_TIMEOUT_MS", "KERNELS", "LOGS", "STAGING"]

#: How long an SQLite connection waits for another writer, in milliseconds.
BUSY_TIMEOUT_MS = 120_000
#: Sub-folders of the journal folder that are not module records.
STAGING = ".staging"
LOGS = ".logs"
KERNELS = ".kernels"


def _install_sqlite_hooks() -> None:
    """Busy timeout and ``BEGIN IMMEDIATE`` for every SQLite connection of this process."""
    if getattr(_install_sqlite_hooks, "done", False):
        return
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _connect(dbapi_connection, _record):  # pragma: no cover - trivial
        if type(dbapi_connection).__module__.startswith(("sqlite3", "pysqlite")):
            dbapi_connection.isolation_level = None   # SQLAlchemy emits BEGIN itself
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.close()

    @event.listens_for(Engine, "begin")
    def _begin(connection):  # pragma: no cover - trivial
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    _install_sqlite_hooks.done = True


def _faster_metadata_checks() -> None:
    """Make nbgrader's per-cell metadata validation check its schema once, not per cell.

    nbgrader validates every cell's ``metadata.nbgrader`` with
    ``jsonschema.validate(meta, schema)``, which first validates the schema
    itself against the JSON Schema meta-schema: about 7 ms per cell, twice
    per notebook (~0.5 s of each submission). This gives nbgrader's module a
    ``validate`` that does the same instance validation, raising the same
    error (``best_match``), with the schema checked once per validator.
    """
    import jsonschema
    from jsonschema.exceptions import best_match
    from nbgrader.nbgraderformat import common

    if isinstance(common.jsonschema, _SchemaOnce):
        return
    common.jsonschema = _SchemaOnce(jsonschema, best_match)


class _SchemaOnce:
    """Stands in for the ``jsonschema`` module inside nbgrader's metadata validator."""

    def __init__(self, module, best_match):
        self._module, self._best_match, self._validators = module, best_match, {}

    def __getattr__(self, name):
        return getattr(self._module, name)

    def validate(self, instance, schema, *args, **kwargs):
        if args or kwargs:
            return self._module.validate(instance, schema, *args, **kwargs)
        held = self._validators.get(id(schema))
        if held is None or held[0] is not schema:
            if len(self._validators) > 64:
                self._validators.clear()
            kind = self._module.validators.validator_for(schema)
            kind.check_schema(schema)
            held = self._validators[id(schema)] = (schema, kind(schema))
        error = self._best_match(held[1].iter_errors(instance))
        if error is not None:
            raise error
        return None


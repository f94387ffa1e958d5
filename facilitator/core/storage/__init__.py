"""Storage: the SQLite file where sessions and the group's reflections are kept.

Import from the submodules: ``database.open_database`` opens (creating, backing up and
migrating) the file, ``repository.Repository`` reads and writes it, ``records`` holds the plain
values it returns and ``errors`` what it raises. Nothing is imported here, so that reading
``records`` (or the enums) does not pull in SQLAlchemy and Alembic at start-up.
"""

"""Module packages: the manifest model, loading, validation, the catalog and packs."""

"""The application's services as one bundle: what the composition root hands to the UI,
to ``--drive`` and to tests, so none of them reaches into another's parts."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.application.resume import SessionResumer
from facilitator.core.application.sessions import Sessions
from facilitator.core.application.settings_service import SettingsService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.clock import Clock
from facilitator.core.content.catalog import Catalog
from facilitator.core.paths import AppPaths


@dataclass(frozen=True)
class AppServices:
    paths: AppPaths
    clock: Clock
    settings: SettingsService
    storage: StorageGateway
    catalog: Catalog
    sessions: Sessions
    resumer: SessionResumer

"""Production: everything comes from the environment (see README, "Production")."""

from .base import *  # noqa: F403

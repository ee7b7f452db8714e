from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Installed by `bench.settings` only: the bench commands and the /ping/ route."""

    name = "bench"
    verbose_name = "Benchmark"

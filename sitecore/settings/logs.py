"""Logs go to stderr: plain text, or one JSON object per line (sitecore.requestlog)."""

import os


def logging_config(log_format):
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"()": "sitecore.requestlog.PlainFormatter"},
            "json": {"()": "sitecore.requestlog.JsonFormatter"},
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": log_format}},
        "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
        "loggers": {
            "desa.request": {"level": os.environ.get("REQUEST_LOG_LEVEL", "INFO")},
            "django.server": {"level": "WARNING"},
            "django.security.DisallowedHost": {"level": "ERROR"},
            "django_tasks": {"level": "WARNING"},
            "wagtail": {"level": "WARNING"},
        },
    }

"""prospect: the right ten people to contact today, and why."""

__version__ = "0.1.0"
PROJECT_URL = "https://github.com/prospect-cli/prospect"

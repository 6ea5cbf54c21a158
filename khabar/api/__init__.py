"""The HTTP API (FastAPI, with an OpenAPI document) and the server-rendered RTL web UI."""

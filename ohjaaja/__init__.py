"""The project: the URLs, the roots of the REST and GraphQL APIs, the health checks and the daily
schedule. It wires the apps together and is the only package that imports all of them; the
apps (guidance, community, search) and the kernel (cms) never import it (docs/architecture.md).
"""

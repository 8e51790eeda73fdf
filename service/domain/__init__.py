"""The pure core of Chorus: comments, statuses, the rules a submission must meet, excerpts,
redactions and hints. Nothing here does I/O, knows HTTP or reads settings; limits are arguments.
"""

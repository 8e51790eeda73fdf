"""Chorus: reader comments and testimonials, moderated by the site owner."""

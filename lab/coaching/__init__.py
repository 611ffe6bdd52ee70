"""Coaching: a lead's notes on agents, sector suggestions from live comments, and whether
training moves live TNPS."""

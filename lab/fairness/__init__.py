"""Fair numbers: one customer, one voice, and the signs of a gamed live TNPS."""

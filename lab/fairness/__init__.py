"""Fair numbers: one customer, one voice, and the signs of a gamed live TNPS."""

from flask import Blueprint

bp = Blueprint("fairness", __name__)

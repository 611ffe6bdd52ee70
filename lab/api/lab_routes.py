"""JSON for the Lab's pages: Eva's live warnings on a draft reply."""

from flask import jsonify, request

from lab.api import bp
from lab.auth.access import practising
from lab.scoring import find_warnings
from lab.training.play import MAX_REPLY
from lab.web_content import get_content


@bp.route("/lab/warnings", methods=["POST"])
@practising
def lab_warnings():
    """What the Codex forbids in a draft: {"warnings": [{kind, message, codex, start, end}]}."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return jsonify(error="bad_request", message="expected a JSON object"), 400
    sector_id, step, lang, text = (data.get(k) for k in ("sector", "step", "lang", "text"))
    if lang not in ("ru", "en") or not isinstance(text, str) or not isinstance(step, int):
        return jsonify(error="bad_request", message="need sector, step (int), lang, text"), 400
    try:
        trial = get_content().sector(str(sector_id)).trial(step)
    except LookupError:
        return jsonify(error="not_found", message="no such sector or step"), 404
    found = find_warnings(trial, text[:MAX_REPLY], lang)
    return jsonify(warnings=[warning.to_json() for warning in found])

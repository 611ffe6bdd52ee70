"""Entry point: `gunicorn run:app`, or `python run.py` to serve on 127.0.0.1:5000."""

from lab import create_app

app = create_app()

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000)

"""Alerts: in-app notifications (the bell), each user's choices, and e-mail to leads."""

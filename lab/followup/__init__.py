"""Closing the loop: the queue of detractor answers a lead calls back, and its rules."""

"""The model: every part of the worksheet as frozen attrs classes."""

"""Documents: the versioned format of a post-mortem, in and out."""

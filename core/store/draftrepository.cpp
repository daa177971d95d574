// Placeholder while issue 7 is built; replaced by its implementation.

// Placeholder while issue 6 is built; replaced by its implementation.

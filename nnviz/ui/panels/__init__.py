"""The window's side panels: inspector, knobs, lessons, gradient health, step controls, drawing bar."""

"""The network view: its layout, edge scales, batched edges and the frames built from a session."""

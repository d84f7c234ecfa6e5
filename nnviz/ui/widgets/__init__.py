"""What every view shares: themes and colors, icons, widget palettes and the preview runner."""

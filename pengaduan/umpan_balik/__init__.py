"""The yearly feedback report (Hasil umpan balik): its figures, the village's
recommendations text, the home widget and the demo text."""

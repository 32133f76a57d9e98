"""The checks: the worksheet's guidance as findings, and action quality."""

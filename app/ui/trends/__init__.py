"""The Trends area: charts of where leavers went and stayed, and the monitor exports."""

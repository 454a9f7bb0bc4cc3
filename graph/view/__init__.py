"""The networkx view of the graph for a time window, and the analytics that run on it."""

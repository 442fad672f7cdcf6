"""The network of an orbital data center: optical links between satellites (links), the link graph and a
cluster's bisection bandwidth (graph), latency from cities over the links (latency), and the share of
installed compute a workload can use (workloads). numpy/scipy only; scipy.sparse.csgraph and
scipy.spatial are imported inside the functions that use them."""

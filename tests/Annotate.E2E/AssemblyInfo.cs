// Two app servers and browsers at once on a small CI machine make latency figures meaningless:
// collections run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Browsers, two instances, nginx, PostgreSQL and Redis share two cores: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

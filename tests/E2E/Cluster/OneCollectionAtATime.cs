// The shop's collection and the cluster's each start their own storefronts, and a storefront seeding its demo data
// takes this machine's two cores: side by side, each start took longer than its timeout. One collection at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

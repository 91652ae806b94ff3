//! Browser edges: small leaves over web APIs. They never import `state` or `ui`; whatever they
//! need from the app comes in as a parameter or a callback.
pub mod clock;
pub mod embed;
pub mod files;
pub mod perf;
pub mod service_worker;
pub mod storage;

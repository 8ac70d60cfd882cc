//! Helpers for the course-area browser tests: mount a page inside a router with fresh records.
//! Acting and reading are the shared ones in `support`.

use leptos::prelude::*;
use leptos_router::components::Router;
use peer_study::app::records::Records;
use peer_study::storage::local_storage::LocalStorageBackend;
use web_sys::HtmlElement;

use crate::support::{fresh_container, settle, visit};

/// Mounts `page` (inside a router, with fresh records) at the address `path`.
pub async fn mount_at<F, V>(path: &str, page: F) -> HtmlElement
where
    F: Fn() -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    visit(path);
    let container = fresh_container();
    // The real browser storage, as the app uses it (each test starts by clearing it).
    let (records, _) = Records::start(Box::new(LocalStorageBackend::open()));
    leptos::mount::mount_to(container.clone(), move || {
        provide_context(records);
        view! { <Router>{page()}</Router> }
    })
    .forget();
    settle().await;
    container
}

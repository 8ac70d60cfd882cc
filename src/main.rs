//! The browser entry point: mount the app. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(peer_study::app::App);
}

/// Peer Study runs in the browser; natively there is nothing to start.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Peer Study is a browser app: run `make dev` and open http://127.0.0.1:8080");
}

//! The browser entry point: mount the app. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    // The hook writes a panic's message and stack to the console, which is what a developer
    // needs; a trainee never sees it either way. Release builds leave it out to save its
    // bytes in every download (see "Where the bytes are" in docs/build.md).
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(peer_study::app::App);
}

/// Peer Study runs in the browser; natively there is nothing to start.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Peer Study is a browser app: run `make dev` and open http://127.0.0.1:8080");
}

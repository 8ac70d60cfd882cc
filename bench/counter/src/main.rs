//! A bare Leptos counter (the size and start-up floor for `make bench`): one button that counts.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        view! {
            <main>
                <h1>"Counter"</h1>
                <button on:click=move |_| *count.write() += 1>"Count: " {count}</button>
            </main>
        }
    });
}

//! Build script: one link option for the release step's split build.
//!
//! With the `split` feature (only `scripts/split-build.mjs`'s release build turns it on), the
//! app's wasm is linked with its relocations kept (`--emit-relocs`), which the splitter needs to
//! move each area's code into a piece of its own. Only the app binary's final link gets it, so no
//! dependency is rebuilt for it. See docs/build.md, "Splitting by area".

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm {
        println!("cargo::rustc-link-arg-bin=peer-study=--emit-relocs");
    }
}

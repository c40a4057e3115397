fn main() {
    #[cfg(target_arch = "wasm32")]
    pla_workshop::ui::start();
}

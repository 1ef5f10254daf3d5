# Builds nova and nova-rag in release mode (sourced by demo.sh and test.sh). Sets NOVA_RELEASE_BIN to the folder
# holding both executables.
nova_build_release() {
    echo "building nova and nova-rag (release)…"
    swift build -c release --product nova-rag
    swift build -c release --product nova
    NOVA_RELEASE_BIN="$(swift build -c release --show-bin-path)"
}

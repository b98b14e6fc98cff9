#!/usr/bin/env bash
# Builds the installable Debian package from target/ztpbox.jar:
#   appliance/build-deb.sh [OUTPUT_DIR]      (run `mvn -B -DskipTests package` first)
# Installs /usr/bin/ztpbox, /usr/share/ztpbox/ztpbox.jar, /etc/ztpbox/ztpbox.yaml (kept on upgrade),
# the systemd unit, and a `ztpbox` system user. The service is not enabled: the admin edits the
# config first (it ships in watch mode, which hands out nothing).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/target}"
jar="$root/target/ztpbox.jar"
[ -f "$jar" ] || { echo "build-deb: $jar is missing; run: mvn -B -DskipTests package" >&2; exit 1; }

# The project's own version: the first <version> of the pom (it has no parent).
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n 1)"
deb_version="${version//-SNAPSHOT/~snapshot}"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

install -D -m 0644 "$jar" "$stage/usr/share/ztpbox/ztpbox.jar"
install -D -m 0644 "$root/conf/ztpbox.yaml" "$stage/etc/ztpbox/ztpbox.yaml"
install -D -m 0644 "$root/systemd/ztpbox.service" "$stage/lib/systemd/system/ztpbox.service"
install -D -m 0644 "$root/README.md" "$stage/usr/share/doc/ztpbox/README.md"
# The shipped templates (also inside the jar): copy them to /etc/ztpbox/templates to edit them.
(cd "$root/conf/templates" && find . -type f -name '*.cfg' -exec install -D -m 0644 {} "$stage/usr/share/ztpbox/templates/{}" \;)
install -D -m 0644 "$root/appliance/THIRD-PARTY-NOTICES" "$stage/usr/share/doc/ztpbox/THIRD-PARTY-NOTICES"
install -d "$stage/usr/bin" "$stage/DEBIAN"
cat > "$stage/usr/bin/ztpbox" <<'SH'
#!/bin/sh
exec java ${ZTPBOX_JAVA_OPTS:--Xms64m -Xmx512m} -jar /usr/share/ztpbox/ztpbox.jar "$@"
SH
chmod 0755 "$stage/usr/bin/ztpbox"

cat > "$stage/DEBIAN/control" <<CTL
Package: ztpbox
Version: $deb_version
Architecture: all
Maintainer: ztpbox developers <ztpbox@localhost>
Depends: java17-runtime-headless | openjdk-17-jre-headless
Section: net
Priority: optional
Description: zero-touch provisioning appliance for Poly / Polycom IP phones
 DHCP with options 66 and 160, provisioning files over TFTP and HTTP(S),
 and diagnosis of phones that revert to an old configuration.
CTL
echo "/etc/ztpbox/ztpbox.yaml" > "$stage/DEBIAN/conffiles"
cat > "$stage/DEBIAN/postinst" <<'SH'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
  getent passwd ztpbox >/dev/null || adduser --system --group --home /var/lib/ztpbox --no-create-home ztpbox
  command -v systemctl >/dev/null && systemctl daemon-reload || true
fi
SH
chmod 0755 "$stage/DEBIAN/postinst"

mkdir -p "$out"
dpkg-deb --root-owner-group --build "$stage" "$out/ztpbox_${deb_version}_all.deb" >/dev/null
echo "$out/ztpbox_${deb_version}_all.deb"

#!/bin/sh
# Makes a throw-away CA and a MySQL server certificate signed by it, so that local servers take
# the path RDS takes: TLS required, the certificate verified against a CA bundle and the host name.
#   mysql-tls.sh <dir> <subjectAltName>   e.g. mysql-tls.sh /tls DNS:mysql,DNS:localhost
# Writes <dir>/ca.pem (what clients verify against), server-cert.pem and server-key.pem. Run by
# compose's `tls` service (the mysql image has openssl) and by the TLS tests; keeps existing files.
set -eu
dir=$1
names=$2
if [ -s "$dir/server-cert.pem" ]; then
  echo "mysql-tls: $dir already has a certificate"
  exit 0
fi
mkdir -p "$dir"
cd "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=InsightXI local MySQL CA" \
  -keyout ca-key.pem -out ca.pem 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=InsightXI local MySQL" \
  -keyout server-key.pem -out server.csr 2>/dev/null
printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "$names" > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 \
  -extfile server.ext -out server-cert.pem 2>/dev/null
rm -f server.csr server.ext ca.srl
# The server reads its key as its own user; clients read only ca.pem.
chmod 644 ca.pem server-cert.pem
chmod 600 ca-key.pem server-key.pem
echo "mysql-tls: CA and server certificate for $names in $dir"

#!/usr/bin/python3
"""Independent test vectors for Cairn's Sealed Secrets code, written with python3-cryptography.

The value format is sealed-secrets' hybrid encryption, read from its documentation and source:
    u16 big-endian length of the RSA part
    || RSA-OAEP(SHA-256 digest, MGF1 with SHA-256, label) of a random 32-byte session key
    || AES-256-GCM(session key, 12 zero bytes as nonce) of the value, 16-byte tag appended
The label is "namespace/name" (strict), "namespace" (namespace-wide) or empty (cluster-wide).

Commands:
    sealed_vectors.py key DIR            write a test key pair DIR/tls.key (PKCS#1) and DIR/tls.crt
    sealed_vectors.py fingerprint DIR    print the SSH SHA-256 fingerprint of DIR/tls.crt's key
    sealed_vectors.py seal DIR OUT.json  seal the cases below with DIR/tls.crt into OUT.json
    sealed_vectors.py unseal DIR IN.json unseal every case of IN.json with DIR/tls.key and compare
                                         with its plaintext; exit 1 naming the first mismatch
"""
import base64
import datetime
import json
import os
import struct
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

CASES = [
    ("strict", "default", "mysecret", b"hunter2"),
    ("strict", "team-a", "db-credentials", b"user=admin\npassword=s3cr3t\n"),
    ("namespace-wide", "team-a", "ignored-name", b"shared in the namespace"),
    ("cluster-wide", "anywhere", "any", b"moves freely"),
    ("strict", "default", "empty-value", b""),
    ("strict", "default", "binary", bytes(range(256))),
    ("strict", "d\u00e9j\u00e0", "unicode-\u00fc", "caf\u00e9 \u2615".encode("utf-8")),
]


def label(scope, namespace, name):
    if scope == "cluster-wide":
        return b""
    if scope == "namespace-wide":
        return namespace.encode("utf-8")
    return ("%s/%s" % (namespace, name)).encode("utf-8")


def oaep(lbl):
    return padding.OAEP(
        mgf=padding.MGF1(algorithm=hashes.SHA256()),
        algorithm=hashes.SHA256(),
        label=lbl or None,
    )


def seal(public_key, lbl, plaintext):
    session_key = os.urandom(32)
    rsa_part = public_key.encrypt(session_key, oaep(lbl))
    aes_part = AESGCM(session_key).encrypt(b"\x00" * 12, plaintext, None)
    return struct.pack(">H", len(rsa_part)) + rsa_part + aes_part


def unseal(private_key, lbl, sealed):
    (rsa_length,) = struct.unpack(">H", sealed[:2])
    session_key = private_key.decrypt(sealed[2 : 2 + rsa_length], oaep(lbl))
    return AESGCM(session_key).decrypt(b"\x00" * 12, sealed[2 + rsa_length :], None)


def write_key(directory):
    key = rsa.generate_private_key(public_exponent=65537, key_size=4096)
    name = x509.Name([])
    now = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=3650 * 10))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    with open(os.path.join(directory, "tls.key"), "wb") as out:
        out.write(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.TraditionalOpenSSL,
                serialization.NoEncryption(),
            )
        )
    with open(os.path.join(directory, "tls.crt"), "wb") as out:
        out.write(cert.public_bytes(serialization.Encoding.PEM))


def load_certificate_key(directory):
    with open(os.path.join(directory, "tls.crt"), "rb") as data:
        return x509.load_pem_x509_certificate(data.read()).public_key()


def load_private_key(directory):
    with open(os.path.join(directory, "tls.key"), "rb") as data:
        return serialization.load_pem_private_key(data.read(), password=None)


def fingerprint(directory):
    openssh = load_certificate_key(directory).public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    )
    digest = hashes.Hash(hashes.SHA256())
    digest.update(base64.b64decode(openssh.split()[1]))
    return "SHA256:" + base64.b64encode(digest.finalize()).decode("ascii").rstrip("=")


def write_vectors(directory, out_path):
    public_key = load_certificate_key(directory)
    vectors = []
    for scope, namespace, name, plaintext in CASES:
        lbl = label(scope, namespace, name)
        vectors.append(
            {
                "scope": scope,
                "namespace": namespace,
                "name": name,
                "plaintext": base64.b64encode(plaintext).decode("ascii"),
                "sealed": base64.b64encode(seal(public_key, lbl, plaintext)).decode("ascii"),
            }
        )
    with open(out_path, "w") as out:
        json.dump(vectors, out, indent=2, ensure_ascii=False)
        out.write("\n")


def check_vectors(directory, in_path):
    private_key = load_private_key(directory)
    with open(in_path) as data:
        vectors = json.load(data)
    for index, vector in enumerate(vectors):
        lbl = label(vector["scope"], vector["namespace"], vector["name"])
        try:
            opened = unseal(private_key, lbl, base64.b64decode(vector["sealed"]))
        except Exception as error:  # any failure is a mismatch to report
            print("case %d: cannot unseal: %r" % (index, error))
            return 1
        if opened != base64.b64decode(vector["plaintext"]):
            print("case %d: plaintext differs" % index)
            return 1
    print("unsealed %d values" % len(vectors))
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "key":
        write_key(argv[2])
        return 0
    if len(argv) == 3 and argv[1] == "fingerprint":
        print(fingerprint(argv[2]))
        return 0
    if len(argv) == 4 and argv[1] == "seal":
        write_vectors(argv[2], argv[3])
        return 0
    if len(argv) == 4 and argv[1] == "unseal":
        return check_vectors(argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/python3
"""Writes SOPS test files whose data key the age CLI encrypted, without sops.

A second, independent writer of the SOPS format (python3-cryptography for AES-GCM and SHA-512,
Debian's age CLI for the data key), read from sops's documentation: each encrypted value is
ENC[AES256_GCM,data:...,iv:...,tag:...,type:...] with a 32-byte IV and its key path joined
with ":" plus a trailing ":" as additional data; the MAC is SHA-512 over the values' bytes in
document order (ints in decimal, booleans as True/False), in upper hex, encrypted with the
last-modified time as additional data. With mac_only_encrypted, only encrypted values count and
the hash starts with SHA-256("sops").

Usage: make_fixtures.py DIR   (writes DIR/identity.agekey and the *.enc.* files)
"""
import base64
import hashlib
import json
import os
import subprocess
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

LAST_MODIFIED = "2026-12-06T10:00:00Z"


def enc(key, value, additional):
    if isinstance(value, bool):
        text, kind = ("True" if value else "False"), "bool"
    elif isinstance(value, int):
        text, kind = str(value), "int"
    elif isinstance(value, float):
        text, kind = repr(value), "float"
    else:
        text, kind = value, "str"
    iv = os.urandom(32)
    sealed = AESGCM(key).encrypt(iv, text.encode("utf-8"), additional.encode("utf-8"))
    return "ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:%s]" % (
        base64.b64encode(sealed[:-16]).decode(),
        base64.b64encode(iv).decode(),
        base64.b64encode(sealed[-16:]).decode(),
        kind,
    )


def mac_bytes(value):
    if isinstance(value, bool):
        return b"True" if value else b"False"
    if isinstance(value, (int, float)):
        return repr(value).encode()
    return value.encode("utf-8")


def walk(node, path, key, encrypts, mac, mac_only):
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for name, value in list(items):
        child_path = path + [name] if isinstance(node, dict) else path
        if isinstance(value, (dict, list)):
            walk(value, child_path, key, encrypts, mac, mac_only)
            continue
        if value is None:
            continue
        encrypted = encrypts(child_path)
        if not mac_only or encrypted:
            mac.update(mac_bytes(value))
        if encrypted and value != "":
            node[name] = enc(key, value, ":".join(child_path) + ":")


def encrypt(document, key, armored_key, recipient, rule, mac_only=False):
    mac = hashlib.sha512()
    if mac_only:
        mac.update(hashlib.sha256(b"sops").digest())
    rule_name, rule_value = rule
    if rule_name == "encrypted_regex":
        import re

        encrypts = lambda path: any(re.search(rule_value, k) for k in path)
    else:
        encrypts = lambda path: not any(k.endswith(rule_value) for k in path)
    walk(document, [], key, encrypts, mac, mac_only)
    sops = {
        "age": [{"recipient": recipient, "enc": armored_key}],
        "lastmodified": LAST_MODIFIED,
        "mac": enc(key, mac.hexdigest().upper(), LAST_MODIFIED),
        rule_name: rule_value,
        "version": "3.9.0",
    }
    if mac_only:
        sops["mac_only_encrypted"] = True
    document["sops"] = sops
    return document


def main(directory):
    identity = os.path.join(directory, "identity.agekey")
    if not os.path.exists(identity):
        subprocess.run(["age-keygen", "-o", identity], check=True, capture_output=True)
    recipient = subprocess.run(
        ["age-keygen", "-y", identity], check=True, capture_output=True, text=True
    ).stdout.strip()
    key = os.urandom(32)
    armored = subprocess.run(
        ["age", "-a", "-r", recipient], input=key, check=True, capture_output=True
    ).stdout.decode()

    secret = {
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": {"name": "db", "namespace": "team-a"},
        "type": "Opaque",
        "stringData": {"password": "s3cr3t", "port": 5432, "ratio": 0.25, "tls": True},
        "data": {"token": base64.b64encode(b"hunter2").decode()},
    }
    with open(os.path.join(directory, "secret.enc.json"), "w") as out:
        doc = encrypt(secret, key, armored, recipient, ("encrypted_regex", "^(data|stringData)$"))
        json.dump(doc, out, indent=2)
        out.write("\n")

    config = {
        "database": {"user": "admin", "password": "pa55", "hosts": ["a", "b"]},
        "replicas": 3,
        "comment_unencrypted": "left alone",
    }
    with open(os.path.join(directory, "mac-only.enc.json"), "w") as out:
        doc = encrypt(config, key, armored, recipient, ("unencrypted_suffix", "_unencrypted"), True)
        json.dump(doc, out, indent=2)
        out.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])

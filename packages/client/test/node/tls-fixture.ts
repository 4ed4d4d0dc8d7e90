// A self-signed certificate for 127.0.0.1 / localhost (P-256, valid until 2126), for TLS tests only.
// Made with: openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -days 36500 -nodes
//   -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost

export const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQguT4/yIQ0XWuGonWM
mOQpmeiyxOW9rbj1JivLkOsU+lehRANCAATQ1Z2siAJ3vM32PvUKkADxl3cg9y8x
NH64OvHizNHRf14vRqhMi7dhyzGsYN5aN2A5L2k1gJXNmwpA+ylZugfv
-----END PRIVATE KEY-----
`;

export const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBmjCCAUGgAwIBAgIUWByhKZ647Ou5YaCuWMX5Vp3an38wCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwNDE4NTcxMloYDzIxMjYxMTEw
MTg1NzEyWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAATQ1Z2siAJ3vM32PvUKkADxl3cg9y8xNH64OvHizNHRf14vRqhMi7dh
yzGsYN5aN2A5L2k1gJXNmwpA+ylZugfvo28wbTAdBgNVHQ4EFgQUZbptS22aPW2h
JjvJrawCmYvCBW8wHwYDVR0jBBgwFoAUZbptS22aPW2hJjvJrawCmYvCBW8wDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARhwR/AAABgglsb2NhbGhvc3QwCgYIKoZI
zj0EAwIDRwAwRAIgWiv66lSSjH4ZqQVvbk/ZCRvPhnqPogwWWEiFGW2HFq4CIGjK
V7trdh9dCypuOwlnCOJoU1wAjhec7e8RD1TvtQkx
-----END CERTIFICATE-----
`;

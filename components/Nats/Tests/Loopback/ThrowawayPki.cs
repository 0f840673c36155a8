using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Infra.Nats.Tests.Loopback;

/// <summary>
/// A CA and one server certificate for 127.0.0.1, made fresh for a test run and written as PEM into its
/// temporary folder (never committed). The certificate serves clients and, with clientAuth, lets routes
/// and gateways verify each other, as the tls provider's certificates do in a deployment.
/// </summary>
internal static class ThrowawayPki
{
    /// <param name="addresses">More loopback addresses the certificate names (servers on 127.0.0.2, ...).</param>
    public static NatsTlsFiles Write(string directory, IEnumerable<IPAddress>? addresses = null)
    {
        Directory.CreateDirectory(directory);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=drill throwaway CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=nats drill server", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        foreach (var address in addresses ?? []) names.AddIpAddress(address);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false)); // serverAuth, clientAuth
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var server = serverRequest.Create(ca, now.AddMinutes(-5), now.AddDays(1), serial);

        var files = new NatsTlsFiles(Path.Combine(directory, "server.pem"), Path.Combine(directory, "server-key.pem"), Path.Combine(directory, "ca.pem"));
        File.WriteAllText(files.CaFile, ca.ExportCertificatePem() + "\n");
        File.WriteAllText(files.CertFile, server.ExportCertificatePem() + "\n");
        File.WriteAllText(files.KeyFile, serverKey.ExportPkcs8PrivateKeyPem() + "\n");
        return files;
    }
}

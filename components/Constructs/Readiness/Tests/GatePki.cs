using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Infra.Tests.Readiness;

/// <summary>
/// A throwaway CA with a server certificate for 127.0.0.1 and localhost and a client certificate, made fresh for a
/// test and written as PEM into its temporary folder: the shape of a region's cluster CA, server and operator
/// certificates (the tls provider makes the real ones).
/// </summary>
internal sealed record GatePki(string CaFile, string ServerCertFile, string ServerKeyFile, string CaPem, string ClientCertPem, string ClientKeyPem)
{
    public static GatePki Write(string directory)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=readiness test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        var (serverCert, serverKey) = Issue(ca, "CN=server.test.nomad", "1.3.6.1.5.5.7.3.1", names.Build());
        var (clientCert, clientKey) = Issue(ca, "CN=operator.test.nomad", "1.3.6.1.5.5.7.3.2", null);

        var pki = new GatePki(Path.Combine(directory, "ca.pem"), Path.Combine(directory, "server.pem"), Path.Combine(directory, "server-key.pem"),
            ca.ExportCertificatePem() + "\n", clientCert, clientKey);
        File.WriteAllText(pki.CaFile, pki.CaPem);
        File.WriteAllText(pki.ServerCertFile, serverCert);
        File.WriteAllText(pki.ServerKeyFile, serverKey);
        return pki;
    }

    private static (string Cert, string Key) Issue(X509Certificate2 ca, string subject, string usage, X509Extension? names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        if (names is not null) request.CertificateExtensions.Add(names);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        var now = DateTimeOffset.UtcNow;
        using var cert = request.Create(ca, now.AddMinutes(-5), now.AddDays(1), serial);
        return (cert.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n");
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace FeedHarvester.Tests.Support;

/// <summary>An HTTPS origin on 127.0.0.1 and a free port, with a certificate made for the test: one request per connection.</summary>
public sealed class LoopbackTlsServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly Func<LoopbackRequest, Stream, CancellationToken, Task> _respond;
    private readonly ConcurrentQueue<LoopbackRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;

    public LoopbackTlsServer(X509Certificate2 certificate, Func<LoopbackRequest, Stream, CancellationToken, Task> respond)
    {
        _certificate = certificate;
        _respond = respond;
        _listener.Start();
        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _acceptLoop = Task.Run(AcceptAsync);
    }

    public IPEndPoint EndPoint { get; }

    public IReadOnlyList<LoopbackRequest> Requests => [.. _requests];

    /// <summary>A self-signed server certificate for <paramref name="host"/>, with its private key usable by SslStream.</summary>
    public static X509Certificate2 CreateCertificate(string host)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        using var made = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddHours(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(_certificate);
                var head = new StringBuilder();
                var buffer = new byte[4096];
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await tls.ReadAsync(buffer, _stopping.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    _ = head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                var start = head.ToString().Split("\r\n")[0].Split(' ');
                var request = new LoopbackRequest(start[0], start[1], new Dictionary<string, string>());
                _requests.Enqueue(request);
                await _respond(request, tls, _stopping.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
            {
                // The client gave up or the server is stopping.
            }
        }
    }
}

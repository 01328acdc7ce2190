using System.Collections.Concurrent;

namespace NewsBot.Core.Policies;

/// <summary>
/// The answer each user has in flight (at most one), so a second question can be refused and <c>/cancel</c> can stop it,
/// and the user's questions still waiting their turn in a chat, which <c>/cancel</c> drops too.
/// </summary>
public sealed class RunningAnswers
{
    private readonly ConcurrentDictionary<UserKey, RunningAnswer> _running = new();
    private readonly Dictionary<UserKey, List<(long Arrived, CancellationTokenSource Waiting)>> _waiting = [];
    private readonly Lock _waitingGate = new();
    private readonly Dictionary<UserKey, List<Task>> _turns = [];
    private long _arrivals;

    /// <summary>How many answers are in flight (running or waiting for a slot).</summary>
    public int Count => _running.Count;

    /// <summary>Registers the user's answer, or null when one is already in flight.</summary>
    public RunningAnswer? TryStart(UserKey user, CancellationToken cancellationToken)
    {
        var run = new RunningAnswer(this, user, cancellationToken);
        if (_running.TryAdd(user, run))
        {
            return run;
        }

        run.Dispose();
        return null;
    }

    /// <summary>
    /// Registers a question of the user that waits for its turn; <see cref="TryCancel"/> cancels <paramref name="waiting"/>.
    /// Call <see cref="WaitingQuestion.Start"/> when its turn comes, or dispose it.
    /// </summary>
    public WaitingQuestion Wait(UserKey user, CancellationTokenSource waiting)
    {
        lock (_waitingGate)
        {
            if (!_waiting.TryGetValue(user, out var list))
            {
                _waiting[user] = list = [];
            }

            list.Add((++_arrivals, waiting));
        }

        return new WaitingQuestion(this, user, waiting);
    }

    /// <summary>How many questions have come to wait so far: a stop command notes it when it arrives (see <see cref="TryCancel"/>).</summary>
    public long Arrivals
    {
        get
        {
            lock (_waitingGate)
            {
                return _arrivals;
            }
        }
    }

    /// <summary>
    /// Cancels the user's running answer and the questions waiting behind it; false when there was none. With
    /// <paramref name="arrivedBy"/> (<see cref="Arrivals"/> when the stop command came) a question that arrived after the
    /// command keeps its place: what the user typed after /cancel is answered.
    /// </summary>
    public bool TryCancel(UserKey user, long? arrivedBy = null)
    {
        List<CancellationTokenSource> waiting = [];
        lock (_waitingGate)
        {
            if (_waiting.TryGetValue(user, out var list))
            {
                waiting.AddRange(list.Where(q => q.Arrived <= (arrivedBy ?? long.MaxValue)).Select(q => q.Waiting));
                list.RemoveAll(q => q.Arrived <= (arrivedBy ?? long.MaxValue));
                if (list.Count == 0)
                {
                    _waiting.Remove(user);
                }
            }
        }

        foreach (var question in waiting)
        {
            try
            {
                question.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // That question ended in between: nothing left to cancel.
            }
        }

        var stopped = _running.TryGetValue(user, out var run) && run.Cancel();
        return stopped || waiting.Count > 0;
    }

    /// <summary>
    /// A question's turn is answered from now until its last message is on screen, a stopped draft's note included.
    /// Dispose the handle when the turn ends.
    /// </summary>
    public IDisposable TurnStarted(UserKey user)
    {
        var turn = new TurnInFlight(this, user);
        lock (_waitingGate)
        {
            if (!_turns.TryGetValue(user, out var list))
            {
                _turns[user] = list = [];
            }

            list.Add(turn.Ended);
        }

        return turn;
    }

    /// <summary>
    /// Completes when the user's turns now in flight have ended, a stopped one with its draft's note: /cancel confirms
    /// after that, so "Cancelled" never lands before (or inside) the draft it stopped.
    /// </summary>
    public Task TurnsEnded(UserKey user)
    {
        lock (_waitingGate)
        {
            return _turns.TryGetValue(user, out var list) ? Task.WhenAll([.. list]) : Task.CompletedTask;
        }
    }

    private void EndTurn(UserKey user, Task ended)
    {
        lock (_waitingGate)
        {
            if (_turns.TryGetValue(user, out var list) && list.Remove(ended) && list.Count == 0)
            {
                _turns.Remove(user);
            }
        }
    }

    private sealed class TurnInFlight(RunningAnswers owner, UserKey user) : IDisposable
    {
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ended => _ended.Task;

        public void Dispose()
        {
            owner.EndTurn(user, _ended.Task);
            _ended.TrySetResult();
        }
    }

    /// <summary>Takes the question off the waiting list; false when a /cancel took it first.</summary>
    private bool StopWaiting(UserKey user, CancellationTokenSource waiting)
    {
        lock (_waitingGate)
        {
            if (!_waiting.TryGetValue(user, out var list) || list.RemoveAll(q => q.Waiting == waiting) == 0)
            {
                return false;
            }

            if (list.Count == 0)
            {
                _waiting.Remove(user);
            }

            return true;
        }
    }

    /// <summary>A question waiting for its turn.</summary>
    public sealed class WaitingQuestion(RunningAnswers owner, UserKey user, CancellationTokenSource waiting) : IDisposable
    {
        /// <summary>
        /// Its turn came: true when it may run. A /cancel takes it off the list under the same lock, so either the /cancel
        /// came first (it said "Cancelled" and the question is dropped) or the question starts and the /cancel finds it running
        /// or finds nothing; never "Cancelled" and then the answer.
        /// </summary>
        public bool Start() => owner.StopWaiting(user, waiting) && !waiting.IsCancellationRequested;

        public void Dispose() => owner.StopWaiting(user, waiting);
    }

    private void Remove(UserKey user, RunningAnswer run) => _running.TryRemove(new KeyValuePair<UserKey, RunningAnswer>(user, run));

    /// <summary>One user's answer in flight; its token ends with the request's own token or with /cancel.</summary>
    public sealed class RunningAnswer : IDisposable
    {
        private readonly RunningAnswers _owner;
        private readonly UserKey _user;
        private readonly CancellationTokenSource _cts;
        private readonly Lock _gate = new();
        private bool _done;
        private bool _finished;
        private bool _cancelling;

        internal RunningAnswer(RunningAnswers owner, UserKey user, CancellationToken cancellationToken)
        {
            _owner = owner;
            _user = user;
            _cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Token = _cts.Token;
        }

        public CancellationToken Token { get; }

        /// <summary>
        /// The answer is made: true when /cancel came first (its reply said "Cancelled", so the answer must not follow, even
        /// when the engine finished without looking at the token); after this a /cancel finds no running answer.
        /// </summary>
        public bool Finish()
        {
            lock (_gate)
            {
                _finished = !CancelledByUser;
                return CancelledByUser;
            }
        }

        /// <summary>True once /cancel stopped this answer.</summary>
        public bool CancelledByUser { get; private set; }

        internal bool Cancel()
        {
            lock (_gate)
            {
                if (_done || _finished || CancelledByUser)
                {
                    return !_done && !_finished;
                }

                CancelledByUser = true;
                _cancelling = true;
            }

            // Outside the lock: cancellation callbacks may run the answer to its end, which disposes this run.
            try
            {
                _cts.Cancel();
            }
            finally
            {
                lock (_gate)
                {
                    _cancelling = false;
                    if (_done)
                    {
                        _cts.Dispose();
                    }
                }
            }

            return true;
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_done)
                {
                    return;
                }

                _done = true;
                if (!_cancelling)
                {
                    // While a cancel is under way, it disposes the source when it is done.
                    _cts.Dispose();
                }
            }

            _owner.Remove(_user, this);
        }
    }
}

"""Following tasks, or every task of a type in a sequence, for notifications."""

from framework.serialize import Serializer

from ..models import Subscription

SUBSCRIPTION = Serializer(Subscription)


def follows_task(person_id, task_id):
    return Subscription.select().where(Subscription.person == person_id,
                                       Subscription.task == task_id).exists()


def follow_task(person_id, task_id):
    """The subscription, created when missing; its dict."""
    Subscription.insert(person=person_id, task=task_id).on_conflict_ignore().execute()
    found = Subscription.get(Subscription.person == person_id, Subscription.task == task_id)
    return SUBSCRIPTION.from_instance(found)


def unfollow_task(person_id, task_id):
    Subscription.delete().where(Subscription.person == person_id,
                                Subscription.task == task_id).execute()


def _sequence(person_id, sequence_id, task_type_id):
    return ((Subscription.person == person_id) & (Subscription.entity == sequence_id)
            & (Subscription.task_type == task_type_id))


def follows_sequence(person_id, sequence_id, task_type_id):
    return Subscription.select().where(_sequence(person_id, sequence_id,
                                                 task_type_id)).exists()


def follow_sequence(person_id, sequence_id, task_type_id):
    found = Subscription.get_or_none(_sequence(person_id, sequence_id, task_type_id))
    if found is None:
        found = Subscription.create(person=person_id, entity=sequence_id, task_type=task_type_id)
    return SUBSCRIPTION.from_instance(found)


def unfollow_sequence(person_id, sequence_id, task_type_id):
    Subscription.delete().where(_sequence(person_id, sequence_id, task_type_id)).execute()
